using System.Runtime.CompilerServices;

// Every kernel local is assigned before it is read; skipping the JIT's zeroing of their (large, vector-sized)
// stack slots removes a cost comparable to the arithmetic itself.
[module: SkipLocalsInit]
