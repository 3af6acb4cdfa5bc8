namespace SourceModel.Okada.Kernels;

/// <summary>
/// A compile-time switch: kernels take a struct implementing this as a type argument so the JIT emits a
/// separate body with the unused branch removed (e.g. displacement-only surface evaluation).
/// </summary>
internal interface IFlag
{
    static abstract bool Value { get; }
}

/// <summary>The switch is on.</summary>
internal readonly struct On : IFlag { public static bool Value => true; }

/// <summary>The switch is off.</summary>
internal readonly struct Off : IFlag { public static bool Value => false; }
