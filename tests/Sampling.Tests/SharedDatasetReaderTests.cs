using SourceModel.Sampling;
using SourceModel.Sampling.Conventions;
using SourceModel.Sampling.Tests.Support;
using SourceModel.Sampling.Import;

namespace SourceModel.Sampling.Tests;

/// <summary>
/// Every dataset in ../shared/datasets loads through a declared convention into the same physical meaning: metres,
/// LOS positive toward the satellite, unit vectors from ground to satellite. Expected numbers are quoted from each
/// folder's PROVENANCE.md (row counts, vector components, units, example stations).
/// </summary>
public sealed class SharedDatasetReaderTests
{
    private static string F(string dataset, string file) => Path.Combine(SharedData.Dataset(dataset)!, file);

    private static void AllLosVectorsUpAndUnit(GeodeticDataset d)
    {
        for (int i = 0; i < d.Count; i++)
        {
            double norm = Math.Sqrt(d.UnitEast[i] * d.UnitEast[i] + d.UnitNorth[i] * d.UnitNorth[i] + d.UnitUp[i] * d.UnitUp[i]);
            Assert.InRange(norm, 1 - 1e-12, 1 + 1e-12);
            Assert.True(d.UnitUp[i] > 0, $"row {i}: LOS vector must point up");
        }
    }

    [SharedDatasetFact("laquila-2009-envisat-quadtree-beat")]
    public void LAquila_needs_shared_datasets_beat_csv_with_full_covariance()
    {
        const string ds = "laquila-2009-envisat-quadtree-beat";
        var d = DatasetImporter.Import(new DatasetDeclaration("laquila_asc", F(ds, "Laquila_ascxn_quadtree.csv"), DataFormat.BeatCsv)
        {
            Units = LengthUnit.Metre, Sign = LosSign.TowardSatellite, Vector = VectorDirection.GroundToSatellite,
            CovarianceFile = F(ds, "Laquila_ascxn_covariance_m2.csv"),
        });
        Assert.Equal(205, d.Count);
        AllLosVectorsUpAndUnit(d);
        // Ascending, right-looking: the satellite is to the west (PROVENANCE: heading ~348.4, incidence ~19-23 deg).
        for (int i = 0; i < d.Count; i++)
        {
            Assert.InRange(d.UnitEast[i], -0.42, -0.30);
            Assert.InRange(d.UnitUp[i], Math.Cos(25 * Math.PI / 180), Math.Cos(18 * Math.PI / 180));
        }
        Assert.NotNull(d.Covariance);
        Assert.Equal(205, d.Covariance!.RowCount);
        Assert.True(d.Covariance[0, 0] > 0 && d.Covariance[0, 0] < 1e-3, "variances in m^2 of cm-level noise");
        // Local frame about the data centre: L'Aquila data span a few tens of km.
        Assert.InRange(d.East.ToArray().Max() - d.East.ToArray().Min(), 20e3, 200e3);
    }

    [SharedDatasetFact("elazig-2020-s1asc-quadtree-kite")]
    public void Elazig_needs_shared_datasets_okinv_satellite_to_ground_range_change()
    {
        var file = F("elazig-2020-s1asc-quadtree-kite", "elazig_asc.okinv");
        var d = DatasetImporter.Import(new DatasetDeclaration("elazig_asc", file, DataFormat.Okinv)
        {
            Units = LengthUnit.Metre, Sign = LosSign.AwayFromSatellite, Vector = VectorDirection.SatelliteToGround,
            Coordinates = new CoordinateDeclaration(CoordinateKind.Utm, LengthUnit.Kilometre, 37, true),
        });
        Assert.Equal(194, d.Count);
        AllLosVectorsUpAndUnit(d);
        // First row: 465.143042 4197.738506 0.022181 0.658119 0.113046 -0.744379 → negated on both.
        Assert.Equal(-0.022181, d.Value[0], 12);
        Assert.Equal(-0.658119, TrueFrame.Vector(d, 0).East, 5);
        Assert.Equal(0.744379, d.UnitUp[0], 5);
        // UTM 37N, 465 km E / 4198 km N is near 38.9N 38.6E (Elazig).
        Assert.InRange(d.Longitude[0], 38.5, 38.7);
        Assert.InRange(d.Latitude[0], 37.8, 38.0);
    }

    [SharedDatasetFact("elazig-2020-s1asc-quadtree-kite")]
    public void Elazig_needs_shared_datasets_wrong_vector_declaration_is_an_error()
    {
        var file = F("elazig-2020-s1asc-quadtree-kite", "elazig_asc.okinv");
        var e = Assert.Throws<DataFormatException>(() => DatasetImporter.Import(new DatasetDeclaration("elazig_asc", file, DataFormat.Okinv)
        {
            Units = LengthUnit.Metre, Sign = LosSign.AwayFromSatellite, Vector = VectorDirection.GroundToSatellite,
            Coordinates = new CoordinateDeclaration(CoordinateKind.Utm, LengthUnit.Kilometre, 37, true),
        }));
        Assert.Equal(1, e.Line);
        Assert.Contains("points down", e.Message);
    }

    [SharedDatasetFact("ridgecrest-2019-insar-subsampled")]
    public void Ridgecrest_needs_shared_datasets_lltnde_in_millimetres()
    {
        const string ds = "ridgecrest-2019-insar-subsampled";
        GeodeticDataset Load(string f) => DatasetImporter.Import(new DatasetDeclaration(f, F(ds, f), DataFormat.Lltnde)
        {
            Units = LengthUnit.Millimetre, Sign = LosSign.TowardSatellite, Vector = VectorDirection.GroundToSatellite,
        });
        var asc = Load("t64_asc_edit.lltnde");
        var des = Load("t71_des.lltnde");
        Assert.Equal(1959, asc.Count);
        Assert.Equal(2008, des.Count);
        Assert.Equal(1940, Load("t65_asc_alos2_new.lltnde").Count);
        Assert.Equal(1976, Load("t66_asc_alos2.lltnde").Count);
        AllLosVectorsUpAndUnit(asc);
        AllLosVectorsUpAndUnit(des);
        // PROVENANCE: asc T64 E = -0.59, desc T71 E = +0.65 (first rows: -0.585786 and the file's own).
        Assert.Equal(-0.585786 / Math.Sqrt(0.585786 * 0.585786 + 0.107759 * 0.107759 + 0.803270 * 0.803270), TrueFrame.Vector(asc, 0).East, 12);
        Assert.All(asc.UnitEast.ToArray(), e => Assert.InRange(e, -0.70, -0.50));
        Assert.All(des.UnitEast.ToArray(), e => Assert.InRange(e, 0.55, 0.75));
        Assert.Equal(0.066625333e-3, asc.Value[0], 15);                   // first row, column 7 = 0.066625333 mm
        Assert.Equal(591.461433, asc.Elevation[0], 9);
        Assert.Equal(0.003471260, asc.PointWeight[0], 12);
    }

    [SharedDatasetFact("nepal-2015-gorkha-insar-gnss")]
    public void Nepal_needs_shared_datasets_lltnde_in_centimetres_and_lldet_gnss_in_millimetres()
    {
        const string ds = "nepal-2015-gorkha-insar-gnss";
        var asc = DatasetImporter.Import(new DatasetDeclaration("asc", F(ds, "nepal_asc.lltnde"), DataFormat.Lltnde)
        {
            Units = LengthUnit.Centimetre, Sign = LosSign.TowardSatellite, Vector = VectorDirection.GroundToSatellite,
        });
        Assert.Equal(1705, asc.Count);
        AllLosVectorsUpAndUnit(asc);
        Assert.InRange(asc.Value.ToArray().Max(), 1.0, 1.75);              // PROVENANCE: values -69..171 cm
        // Same local frame as the InSAR (declared reference), so positions can be compared.
        var gps = DatasetImporter.Import(new DatasetDeclaration("gps", F(ds, "gps.lldet"), DataFormat.Lldet)
        { Units = LengthUnit.Millimetre, Reference = asc.Reference });
        Assert.Equal(DatasetKind.Gnss3, gps.Kind);
        Assert.Equal(30, gps.Count);
        // KKN4 (85.2788, 27.8007): E -446, N -1830, U +1270 mm.
        int k = FindStation(gps, 85.2788, 27.8007);
        Assert.Equal(-0.446, gps.Value[k], 9);
        Assert.Equal(-1.830, gps.Value[k + 1], 9);
        Assert.Equal(1.270, gps.Value[k + 2], 9);
        var east = TrueFrame.Vector(gps, k);
        Assert.Equal(1.0, east.East, 12);
        Assert.Equal(0.0, east.North, 12);
        Assert.Equal(0.0, east.Up);
        Assert.Equal((0.0, 0.0, 1.0), (gps.UnitEast[k + 2], gps.UnitNorth[k + 2], gps.UnitUp[k + 2]));
        Assert.True(gps.Sigma[k] > 0.001 && gps.Sigma[k] < 0.02);

        // The PROVENANCE cross-check: GNSS at NAST projected on the nearest ascending look vector ≈ the InSAR there (cm level).
        int n = FindStation(gps, 85.3277, 27.6567);
        int j = Nearest(asc, gps.East[n], gps.North[n]);
        double projected = gps.Value[n] * asc.UnitEast[j] + gps.Value[n + 1] * asc.UnitNorth[j] + gps.Value[n + 2] * asc.UnitUp[j];
        Assert.InRange(projected, 0.78, 0.87);                               // PROVENANCE: 82.4 cm
        Assert.InRange(asc.Value[j], 1.00, 1.07);                            // 103.66 cm
    }

    [SharedDatasetFact("maule-2010-insar-gnss")]
    public void Maule_needs_shared_datasets_tab_separated_lltnde_and_gnss_agree_in_sign()
    {
        const string ds = "maule-2010-insar-gnss";
        var asc = DatasetImporter.Import(new DatasetDeclaration("asc", F(ds, "asc.lltnde"), DataFormat.Lltnde)
        { Units = LengthUnit.Centimetre, Sign = LosSign.TowardSatellite, Vector = VectorDirection.GroundToSatellite });
        var des = DatasetImporter.Import(new DatasetDeclaration("des", F(ds, "des.lltnde"), DataFormat.Lltnde)
        { Units = LengthUnit.Centimetre, Sign = LosSign.TowardSatellite, Vector = VectorDirection.GroundToSatellite });
        var gps = DatasetImporter.Import(new DatasetDeclaration("gps", F(ds, "gps.lldet"), DataFormat.Lldet)
        { Units = LengthUnit.Millimetre, Reference = asc.Reference });
        Assert.Equal(820, asc.Count);
        Assert.Equal(1112, des.Count);
        Assert.Equal(39, gps.Count);
        // (-73.025, -36.843): E -3001.9, N -677.6, U -39.8 mm; projected on the nearest LOS: asc ~195 cm, desc ~-172 cm.
        int k = FindStation(gps, -73.025, -36.843);
        Assert.Equal(-3.0019, gps.Value[k], 9);
        foreach (var (los, lo, hi) in new[] { (asc, 1.70, 2.10), (des, -2.00, -1.55) })
        {
            int j = Nearest(los, gps.East[k], gps.North[k]);
            double p = gps.Value[k] * los.UnitEast[j] + gps.Value[k + 1] * los.UnitNorth[j] + gps.Value[k + 2] * los.UnitUp[j];
            Assert.InRange(p, lo, hi);
            Assert.InRange(los.Value[j], lo, hi);
        }
    }

    [SharedDatasetFact("illapel-2015-insar-gnss-gtdef")]
    public void Illapel_needs_shared_datasets_gtdef_point_and_los_lines()
    {
        const string ds = "illapel-2015-insar-gnss-gtdef";
        var gpsDecl = new DatasetDeclaration("gps", F(ds, "Illapel_GPS.in"), DataFormat.Gtdef) { Kind = DatasetKind.Gnss3, Units = LengthUnit.Metre };
        var dup = Assert.Throws<DataFormatException>(() => DatasetImporter.Import(gpsDecl));
        Assert.Contains("duplicated point", dup.Message);
        var gps = DatasetImporter.Import(gpsDecl with { Duplicates = DuplicatePolicy.DropIdentical });
        Assert.Equal(14 * 3, gps.Count);                                    // 16 lines, CMBA and LVIL twice
        Assert.Equal("TOLO.E", gps.Labels[0]);
        Assert.Equal(-0.2539, gps.Value[0], 12);
        Assert.Equal(0.0182, gps.Sigma[2], 12);

        var insar = DatasetImporter.Import(new DatasetDeclaration("des", F(ds, "Illapel_InSAR.in"), DataFormat.Gtdef)
        {
            Units = LengthUnit.Metre, Sign = LosSign.AwayFromSatellite, Vector = VectorDirection.SatelliteToGround,
        });
        Assert.Equal(1247, insar.Count);
        AllLosVectorsUpAndUnit(insar);
        Assert.Equal(-0.65645, insar.Value[0], 12);                         // range change 0.65645 m → toward = -0.65645
        double norm = Math.Sqrt(0.634 * 0.634 + 0.17 * 0.17 + 0.755 * 0.755);
        Assert.Equal(0.634 / norm, TrueFrame.Vector(insar, 0).East, 12);
        Assert.Equal(0.00469, insar.Sigma[0], 12);
    }

    [SharedDatasetFact("tohoku-2011-gnss-sdm")]
    public void Tohoku_needs_shared_datasets_sdm_component_files_with_sdm_angles()
    {
        const string ds = "tohoku-2011-gnss-sdm";
        GeodeticDataset Load(string f, double inc, double azi) => DatasetImporter.Import(
            new DatasetDeclaration(f, Path.Combine(SharedData.Dataset(ds)!, "GPS", f), DataFormat.Sdm)
            {
                Kind = DatasetKind.GnssComponent, Units = LengthUnit.Metre, Angles = LookAngleConvention.SdmIncidenceAzimuth,
                ConstantAngles = (inc, azi), Reference = new Projection.GeoReference(142.0, 38.0),
            });
        var ew = Load("ew.dat", 90, 90);
        var ns = Load("ns.dat", 90, 0);
        var up = Load("up.dat", 0, 0);   // CRLF line endings
        Assert.Equal(633, ew.Count);
        Assert.Equal(633, up.Count);
        Assert.Equal(1.0, TrueFrame.Vector(ew, 0).East, 12);
        Assert.Equal(1.0, TrueFrame.Vector(ns, 0).North, 12);
        // In the local transverse Mercator frame about 142° E, true north at the seafloor site (143.36° E, 38.89° N)
        // leans from grid north toward the central meridian (west, anticlockwise) by the meridian convergence,
        // Δλ·sin φ ≈ 1.36°·0.628 ≈ 0.855° to first order (the third-order term is 1e-4°; ProjectionTests check the series).
        double gamma = Math.Asin(ns.UnitEast[628]) * 180 / Math.PI;
        double firstOrder = -(ns.Longitude[628] - 142.0) * Math.Sin(ns.Latitude[628] * Math.PI / 180);
        Assert.InRange(gamma, firstOrder - 5e-4, firstOrder + 5e-4);
        Assert.Equal(-Math.Sin(gamma * Math.PI / 180), ew.UnitNorth[628], 12);
        Assert.Equal(1.0, up.UnitUp[0], 12);
        Assert.Equal(0.0354, ew.Value[0], 12);
        Assert.Equal(0.01, ew.Sigma[0], 12);
        Assert.Equal(136.0026445975, ew.Longitude[0], 9);                   // columns are lat lon
        // Seafloor site 38.887983333 143.36218583: E 14 m, N -6 m, U 1.6 m (PROVENANCE).
        Assert.InRange(ew.Value[628], 13, 15.5);
        Assert.InRange(ns.Value[628], -7, -5);
    }

    [SharedDatasetFact("kos-2017-gnss-insar")]
    public void Kos_needs_shared_datasets_utm_km_and_mm_sections_of_one_file()
    {
        const string ds = "kos-2017-gnss-insar";
        var utm35km = new CoordinateDeclaration(CoordinateKind.Utm, LengthUnit.Kilometre, 35, true);
        var reference = new Projection.GeoReference(27.3, 36.9);
        var horizontal = DatasetImporter.Import(new DatasetDeclaration("gnss_h", F(ds, "kosh.txt"), DataFormat.Gnss)
        {
            Units = LengthUnit.Millimetre, Coordinates = utm35km, Reference = reference,
            Layout = TableLayout.Whitespace(null, (ColumnRole.X, 1), (ColumnRole.Y, 2), (ColumnRole.GnssEast, 3), (ColumnRole.GnssNorth, 4), (ColumnRole.Name, 5)),
        });
        Assert.Equal(56, horizontal.Count);
        Assert.Equal(DatasetKind.GnssComponent, horizontal.Kind);
        Assert.Equal(-0.009, horizontal.Value[0], 12);                      // 086A: dE -9 mm
        Assert.Equal("086A.N", horizontal.Labels[1]);
        var vertical = DatasetImporter.Import(new DatasetDeclaration("gnss_u", F(ds, "kosvda.txt"), DataFormat.Gnss)
        {
            Units = LengthUnit.Millimetre, Coordinates = utm35km, Reference = reference, LastLine = 28,
            Layout = TableLayout.Whitespace(null, (ColumnRole.X, 1), (ColumnRole.Y, 2), (ColumnRole.GnssUp, 3), (ColumnRole.Name, 4)),
        });
        Assert.Equal(28, vertical.Count);
        GeodeticDataset Fringes(int first, int last, (double, double, double) v) => DatasetImporter.Import(
            new DatasetDeclaration("los", F(ds, "kosvda.txt"), DataFormat.Delimited)
            {
                Units = LengthUnit.Millimetre, Sign = LosSign.TowardSatellite, Vector = VectorDirection.GroundToSatellite, ConstantVector = v,
                Coordinates = utm35km, Reference = reference, FirstLine = first, LastLine = last,
                Layout = TableLayout.Whitespace(null, (ColumnRole.X, 1), (ColumnRole.Y, 2), (ColumnRole.Value, 3)),
            });
        var asc = Fringes(29, 103, (-0.57, -0.13, 0.81));                    // kosa.grd line 2
        var des = Fringes(104, 197, (0.58, -0.14, 0.80));                    // kosd.grd line 2
        Assert.Equal(75, asc.Count);
        Assert.Equal(94, des.Count);
        Assert.Equal(-0.168, asc.Value[0], 12);
        // All Kos points share one local frame: the GNSS site 086A (513.18, 4071.18 km) is ~20 km from the reference.
        Assert.InRange(Math.Sqrt(horizontal.East[0] * horizontal.East[0] + horizontal.North[0] * horizontal.North[0]), 1e3, 60e3);
    }

    private static int FindStation(GeodeticDataset d, double lon, double lat)
    {
        for (int i = 0; i < d.Count; i++)
            if (Math.Abs(d.Longitude[i] - lon) < 1e-3 && Math.Abs(d.Latitude[i] - lat) < 1e-3) return i;
        throw new InvalidOperationException($"station ({lon}, {lat}) not found");
    }

    private static int Nearest(GeodeticDataset d, double east, double north)
    {
        int best = 0;
        double bd = double.MaxValue;
        for (int i = 0; i < d.Count; i++)
        {
            double dd = (d.East[i] - east) * (d.East[i] - east) + (d.North[i] - north) * (d.North[i] - north);
            if (dd < bd) { bd = dd; best = i; }
        }
        return best;
    }
}
