using System.Runtime.CompilerServices;

// Readers and the quadtree fill every buffer before reading it; skipping the JIT's zeroing keeps large
// stack buffers cheap.
[module: SkipLocalsInit]
