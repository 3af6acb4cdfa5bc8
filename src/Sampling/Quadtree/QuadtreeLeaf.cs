namespace SourceModel.Sampling.Quadtree;

/// <summary>One quadtree leaf: its pixel rectangle and the statistics of its valid pixels.</summary>
/// <param name="Column">First column of the leaf rectangle.</param>
/// <param name="Row">First row.</param>
/// <param name="Columns">Width in pixels (clipped to the grid).</param>
/// <param name="Rows">Height in pixels (clipped to the grid).</param>
/// <param name="Pixels">Number of valid pixels.</param>
/// <param name="Value">Mean or median of the valid pixels (value unit).</param>
/// <param name="Scatter">Standard deviation of the valid pixels about their mean (or plane when detrending).</param>
/// <param name="CentroidColumn">Mean column index of the valid pixels (fractional).</param>
/// <param name="CentroidRow">Mean row index of the valid pixels (fractional).</param>
/// <param name="UnitEast">Mean unit vector of the valid pixels, renormalised: east.</param>
/// <param name="UnitNorth">North.</param>
/// <param name="UnitUp">Up.</param>
public readonly record struct QuadtreeLeaf(int Column, int Row, int Columns, int Rows, int Pixels, double Value, double Scatter,
    double CentroidColumn, double CentroidRow, double UnitEast, double UnitNorth, double UnitUp);
