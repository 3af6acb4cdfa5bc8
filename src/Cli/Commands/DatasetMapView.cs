using System.Globalization;
using SourceModel.Sampling;

namespace SourceModel.Cli.Commands;

/// <summary>What every map of a dataset shows beyond its values: positions in km, the quadtree leaves' true extent (when
/// known) and lon/lat in the hover text.</summary>
internal sealed record DatasetMapView(double[] East, double[] North, double[]? LeafSize, string[]? Hover)
{
    public static DatasetMapView Of(GeodeticDataset d)
    {
        var leaf = d.LeafSize.Length == d.Count && d.LeafSize.ToArray().Any(s => s > 0) ? d.LeafSize.ToArray().Select(s => s / 1000).ToArray() : null;
        string[]? hover = null;
        if (d.Longitude.Length == d.Count)
        {
            var lon = d.Longitude.ToArray();
            var lat = d.Latitude.ToArray();
            hover = Enumerable.Range(0, d.Count).Select(i => string.Create(CultureInfo.InvariantCulture, $"lon {lon[i]:0.0000}°, lat {lat[i]:0.0000}°")).ToArray();
        }
        return new DatasetMapView(d.East.ToArray().Select(v => v / 1000).ToArray(), d.North.ToArray().Select(v => v / 1000).ToArray(), leaf, hover);
    }
}
