"""The documented objective of a return-to-base season, solved as a mixed-integer program by
HiGHS: the independent check of Tournée's exact method (Tests/PlanningTests/Optimality).

Reads the season's facts as JSON (argument 1): communes (population, has_cafe, min/max visits,
candidate evenings per tour with a preferred flag, round trip km), tours (vehicle, evenings),
vehicles (cost per km, limits), the objective weights and the minimum days between visits.
Every evening is a round trip, so the season is an assignment:

    x[c, e] = 1 when commune c hosts candidate evening e (a tour and a date)
    y[c]    = wanted visits of c not planned, 0 <= y[c] <= min_visits
    one event per vehicle and date; at most `evenings` per tour; at most max_visits per
    commune; two visits of a commune at least min_days apart (pairwise); y[c] >= min - sum x.

Stage 1 maximises the evenings filled; stage 2 keeps that many and minimises
    sum km * cost_per_km * x + sum penalty[c] * y[c] - bonus * sum preferred x
where penalty[c] = missedVisitPenalty * noCafeFactor (no café) * smallVillageFactor (small).
Prints JSON: evenings, objective, and the chosen evenings.
"""
import json
import os
import sys

import highspy
import numpy as np


def penalty(commune, weights):
    factor = 1.0
    if commune["hasCafe"] is False:
        factor *= weights["noCafeFactor"]
    if commune["population"] < weights["smallVillagePopulation"]:
        factor *= weights["smallVillageFactor"]
    return weights["missedVisitPenalty"] * factor


def too_far(km, vehicle):
    for key in ("maxKmPerEvening", "maxKmPerDay"):
        if vehicle.get(key) is not None and km > vehicle[key]:
            return True
    limit = vehicle.get("maxDrivingMinutesPerDay")
    return limit is not None and km / vehicle["speedKmh"] * 60 > limit


def build(facts):
    weights = facts["weights"]
    vehicles = {v["id"]: v for v in facts["vehicles"]}
    tours = {t["name"]: t for t in facts["tours"]}
    columns = []  # (commune index, tour, date, day, cost)
    for c, commune in enumerate(facts["communes"]):
        for option in commune["candidates"]:
            tour = tours[option["tour"]]
            vehicle = vehicles[tour["vehicle"]]
            if too_far(option["km"], vehicle):
                continue
            cost = option["km"] * vehicle["costPerKm"]
            if option["preferred"]:
                cost -= weights["preferredDateBonus"]
            columns.append((c, option["tour"], option["date"], option["day"], cost))
    return columns


def solve(facts):
    weights = facts["weights"]
    communes = facts["communes"]
    columns = build(facts)
    tours = {t["name"]: t for t in facts["tours"]}
    n_x = len(columns)
    n_y = len(communes)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 1e-9)
    inf = highspy.kHighsInf
    lower = np.zeros(n_x + n_y)
    upper = np.array([1.0] * n_x + [float(c["minVisits"]) for c in communes])
    h.addVars(n_x + n_y, lower, upper)
    h.changeColsIntegrality(
        n_x + n_y, np.arange(n_x + n_y, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * (n_x + n_y)))

    def row(indices, values, lo, hi):
        h.addRow(lo, hi, len(indices), np.array(indices, dtype=np.int32), np.array(values, dtype=np.float64))

    by_evening = {}
    by_tour = {}
    by_commune = {}
    for j, (c, tour, date, day, cost) in enumerate(columns):
        by_evening.setdefault((tours[tour]["vehicle"], date), []).append(j)
        by_tour.setdefault(tour, []).append(j)
        by_commune.setdefault(c, []).append(j)
    for js in by_evening.values():
        row(js, [1.0] * len(js), -inf, 1.0)
    for tour, js in by_tour.items():
        row(js, [1.0] * len(js), -inf, float(tours[tour]["evenings"]))
    gap = facts["minDaysBetweenVisits"]
    for c, commune in enumerate(communes):
        js = by_commune.get(c, [])
        row(js, [1.0] * len(js), -inf, float(commune["maxVisits"]))
        # y[c] + sum x >= min
        row(js + [n_x + c], [1.0] * len(js) + [1.0], float(commune["minVisits"]), inf)
        for a in range(len(js)):
            for b in range(a + 1, len(js)):
                if abs(columns[js[a]][3] - columns[js[b]][3]) < gap:
                    row([js[a], js[b]], [1.0, 1.0], -inf, 1.0)
    # Stage 1: as many evenings as the rules allow.
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    h.changeColsCost(n_x, np.arange(n_x, dtype=np.int32), np.ones(n_x))
    h.run()
    evenings = int(round(h.getInfo().objective_function_value)) if n_x else 0
    # Stage 2: that many, at least cost.
    if n_x:
        row(list(range(n_x)), [1.0] * n_x, float(evenings), float(evenings))
    costs = [col[4] for col in columns] + [penalty(c, weights) for c in communes]
    h.changeObjectiveSense(highspy.ObjSense.kMinimize)
    h.changeColsCost(n_x + n_y, np.arange(n_x + n_y, dtype=np.int32), np.array(costs))
    h.run()
    status = h.getModelStatus()
    if status != highspy.HighsModelStatus.kOptimal:
        raise SystemExit(f"HiGHS: {h.modelStatusToString(status)}")
    values = h.getSolution().col_value
    chosen = [
        {"insee": communes[columns[j][0]]["insee"], "tour": columns[j][1], "date": columns[j][2]}
        for j in range(n_x) if values[j] > 0.5
    ]
    return {"evenings": evenings, "objective": h.getInfo().objective_function_value, "chosen": chosen}


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        facts = json.load(handle)
    # HiGHS greets on standard output when it starts: keep that stream for the answer alone.
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        answer = solve(facts)
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
    print(json.dumps(answer))
