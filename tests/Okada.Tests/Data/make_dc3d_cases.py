"""Generates the input cases of dc3d-fortran-reference.csv (see PROVENANCE.md beside this file).

Each case is one DC3D (kind 1) or DC3D0 (kind 0) call in Okada's argument names. The set covers every branch of
the kernels: general dips and the cos(dip) snap near 90 degrees, dip 0, points at the surface and at depth, points
in the fault plane (q = 0), on the edges (singular), on the negative extensions of the edges (the log branches),
exactly at xi = 0 or eta = 0, within 1e-6 of them (the snaps), above the surface (z > 0), and all dislocation and
potency types alone and together. Deterministic: seeded.
"""
import math
import random

rng = random.Random(19920401)
ALPHAS = [2.0 / 3.0, 0.5, 0.6, 0.75, 0.9]
SPECIAL_DIPS = [0.0, 90.0, 89.99999, 89.9999999, 45.0, 1e-7, 30.0, 70.0, 60.0]


def dislocations():
    kind = rng.randrange(5)
    if kind == 0:
        return [rng.uniform(-3, 3), 0.0, 0.0]
    if kind == 1:
        return [0.0, rng.uniform(-3, 3), 0.0]
    if kind == 2:
        return [0.0, 0.0, rng.uniform(-3, 3)]
    return [rng.uniform(-3, 3) for _ in range(3)]


def rectangle():
    dip = rng.choice(SPECIAL_DIPS) if rng.random() < 0.35 else rng.uniform(0, 90)
    al1 = rng.uniform(-20, 5)
    al2 = al1 + rng.uniform(0.5, 25)
    aw1 = rng.uniform(-15, 0)
    aw2 = aw1 + rng.uniform(0.5, 15)
    sd = math.sin(math.radians(dip))
    top = rng.choice([0.0, rng.uniform(0, 5), rng.uniform(0, 20)])
    depth = top + max(aw2, 0.0) * sd
    return dip, depth, al1, al2, aw1, aw2


def rect_cases(n):
    rows = []
    for _ in range(n):
        alpha = rng.choice(ALPHAS)
        dip, depth, al1, al2, aw1, aw2 = rectangle()
        d1, d2, d3 = dislocations()
        cd = math.cos(math.radians(dip))
        sd = math.sin(math.radians(dip))
        style = rng.randrange(10)
        z = rng.choice([0.0, -rng.uniform(0, 30), -rng.uniform(0, 3)])
        x = rng.uniform(-40, 40)
        y = rng.uniform(-40, 40)
        if style == 1:  # in the fault plane: q = 0  ->  y sd = d cd with d = depth + z
            eta = rng.choice([aw1, aw2, rng.uniform(aw1 - 10, aw2 + 10), (aw1 + aw2) / 2])
            x = rng.choice([al1, al2, rng.uniform(al1 - 10, al2 + 10), al1 - rng.uniform(0, 10), al2 + rng.uniform(0, 10)])
            dd = eta * sd if sd > 0 else depth
            z = min(0.0, dd - depth) if rng.random() < 0.5 else z
            y = eta * cd
            d = depth + z
            if sd > 1e-12:
                z = eta * sd - depth
                if z > 0:
                    z = 0.0
        elif style == 2:  # exactly on a strike end (xi = 0)
            x = rng.choice([al1, al2])
        elif style == 3:  # within 1e-6 of an end (snap)
            x = rng.choice([al1, al2]) + rng.uniform(-9e-7, 9e-7)
        elif style == 4:  # above the surface
            z = rng.uniform(1e-9, 5)
        elif style == 5:  # on the fault trace extension at the surface
            z = 0.0
            y = (depth - aw2 * sd) * cd / sd if sd > 1e-9 else 0.0
        rows.append([1, alpha, x, y, z, depth, dip, al1, al2, aw1, aw2, d1, d2, d3])
    # Deliberate edge and extension cases on a vertical and a dipping fault.
    for dip in [90.0, 60.0, 0.0]:
        for x in [-10.0, -5.0, 0.0, 2.0, 5.0, 12.0]:
            for eta in [-12.0, -8.0, -3.0, 0.0, 4.0]:
                sd = math.sin(math.radians(dip)); cd = math.cos(math.radians(dip))
                depth = 8.0
                y = eta * cd
                z = eta * sd - depth if sd > 0 else -depth
                if z > 0:
                    continue
                rows.append([1, 2.0 / 3.0, x, y, z, depth, dip, -5.0, 5.0, -8.0, 0.0, 1.0, 1.0, 1.0])
    return rows


def point_cases(n):
    rows = []
    for _ in range(n):
        alpha = rng.choice(ALPHAS)
        dip = rng.choice(SPECIAL_DIPS) if rng.random() < 0.3 else rng.uniform(0, 90)
        depth = rng.choice([rng.uniform(0.5, 20), 5.0])
        pots = [0.0, 0.0, 0.0, 0.0]
        kind = rng.randrange(6)
        if kind < 4:
            pots[kind] = rng.uniform(-3, 3)
        else:
            pots = [rng.uniform(-3, 3) for _ in range(4)]
        style = rng.randrange(8)
        x = rng.uniform(-30, 30); y = rng.uniform(-30, 30)
        z = rng.choice([0.0, -rng.uniform(0, 30)])
        if style == 1:
            x, y, z = 0.0, 0.0, -depth  # at the source: singular
        elif style == 2:
            x = 0.0
        elif style == 3:
            y = rng.uniform(-9e-7, 9e-7)
        elif style == 4:
            z = rng.uniform(1e-9, 3)
        elif style == 5:
            x, y = 0.0, 0.0
        rows.append([0, alpha, x, y, z, depth, dip] + pots + [0.0, 0.0, 0.0])
    return rows


rows = rect_cases(1200) + point_cases(500)
for r in rows:
    print(" ".join(repr(float(v)) if i > 0 else str(v) for i, v in enumerate(r)))
