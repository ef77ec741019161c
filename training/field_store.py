"""The training side's one door into a station's case store (issue 28): ``mpox-train data --from-store`` and
``mpox-train evaluate --store``. The only training module that imports the kiosk's store (import-linter's
``layers`` contract names this exception): what a station logged, read by an admin, audited there.

Local validation screens every confirmed case with a bundle through the station's own path
(``models.screening.screen_image``: quality gate, model, open-set checks, decision rule) on the picture
decrypted in memory (never written to a file or a cache), and reports the same figures as ``evaluate`` on a
manifest (per station as per source), plus what only the field has: the decisions the bundle would have taken,
mpox recall and PPV at its flag threshold, and its agreement with the bundle that screened each case.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from models.bundle import load_bundle
from models.decision import Decision, ReasonCode
from models.errors import MpoxError
from models.predictor import Predictor
from models.screening import screen_image
from models.taxonomy import CLASSES
from training.evaluation import EvalData
from training.manifest import Record
from training.metrics import wilson_interval

NOT_RECOGNISED = {ReasonCode.UNKNOWN_CONDITION.value, ReasonCode.NOT_SKIN.value}


def open_as_admin(args: argparse.Namespace, url: str):
    """(database, admin session) for ``url``; every refusal (no store, wrong password, not an admin) is a
    clear error, and nothing is created or migrated."""
    from kiosk.store.accounts import authenticate, require_admin
    from kiosk.store.field import open_store

    if not args.store_data or not args.admin:
        raise MpoxError("reading a case store needs --store-data DIR and --as ADMIN (an admin account)")
    db = open_store(url, args.store_data, args.key_file)
    try:
        prompt = f"password of admin {args.admin}: "
        password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass(prompt)
        user = authenticate(db, args.admin, password)
        require_admin(user, "read the confirmed cases of the store")
    except BaseException:
        db.close()
        raise
    return db, user


def export_from_store(args: argparse.Namespace) -> int:
    """``mpox-train data --from-store URL --out DIR``."""
    from kiosk.store.field import export_dataset

    db, user = open_as_admin(args, args.from_store)
    try:
        summary = export_dataset(db, user, args.out)
    finally:
        db.close()
    print(f"wrote {summary.written} confirmed, consented cases to {summary.manifest}")
    print("labels: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.labels.items())))
    print("stations (sources): " + ", ".join(f"{k} {v}" for k, v in sorted(summary.stations.items())))
    if summary.skipped:
        print("left out (no readable picture): " + ", ".join(f"{k} {v}" for k, v in summary.skipped.items()))
    return 0


def evaluate_store(args: argparse.Namespace) -> tuple[dict, EvalData | None]:
    """``mpox-train evaluate --store URL --bundle B``: (metrics, the eight-class cases' EvalData or None)."""
    from kiosk.store import audit
    from kiosk.store.field import Pictures, confirmed_cases, pictures

    bundle = load_bundle(args.bundle)
    if tuple(bundle.classes) != CLASSES:
        raise MpoxError(
            f"bundle {args.bundle} names the classes {', '.join(bundle.classes)}; the stations' confirmed "
            f"labels are {', '.join(CLASSES)}: evaluate a bundle of the station's eight classes"
        )
    predictor = Predictor(bundle, device="cpu")
    thresholds = bundle.thresholds
    db, user = open_as_admin(args, args.store)
    try:
        cases = confirmed_cases(db, user)
        skipped = Pictures()
        rows = []
        for case, rgb in pictures(db, cases, skipped):
            s = screen_image(predictor, rgb, thresholds)
            probs = None if s.prediction is None else np.asarray(s.prediction.probabilities, np.float64)
            rows.append((case, s.verdict, probs))
        metrics = field_metrics(rows, thresholds.flag, bundle, dict(skipped.missing))
        audit.record(
            db,
            user.username,
            "field_evaluated",
            str(args.bundle),
            {"bundle_sha256": bundle.sha256, "cases": len(rows), "report": str(args.out)},
        )
    finally:
        db.close()
    return metrics, _eight_class_data(rows)


def _eight_class_data(rows) -> EvalData | None:
    """The cases labelled with one of the eight classes whose picture the model saw, as EvalData (per
    station as per source), so ``evaluate``'s report is written for them as for a manifest."""
    chosen = [(c, p) for c, _v, p in rows if c.label in CLASSES and p is not None]
    if not chosen:
        return None
    probs = np.stack([p for _c, p in chosen])
    y = np.array([CLASSES.index(c.label) for c, _p in chosen])
    allowed = np.eye(len(CLASSES), dtype=bool)[y]
    records = [Record(Path(c.case_id), c.label, c.station_id, c.person) for c, _p in chosen]
    return EvalData(np.log(np.clip(probs, 1e-12, 1.0)), 1.0, y, allowed, records, CLASSES)


def field_metrics(rows, flag_threshold: float, bundle, skipped: dict) -> dict:
    """What only the field has: decisions by label, mpox recall and PPV at the flag threshold (the new
    bundle's, and the stored decisions'), agreement with the screening bundle, per station."""
    decisions: dict[str, Counter] = defaultdict(Counter)
    stations: dict[str, Counter] = defaultdict(Counter)
    agree = Counter()
    for case, verdict, _probs in rows:
        key = _outcome(verdict.decision.value, verdict.reason_code.value)
        decisions[case.label][key] += 1
        st = stations[case.station_id]
        st["cases"] += 1
        st["mpox"] += case.label == "mpox"
        st["flag_new"] += verdict.decision is Decision.FLAG
        st["flag_new_mpox"] += verdict.decision is Decision.FLAG and case.label == "mpox"
        st["flag_then"] += case.decision == Decision.FLAG.value
        st["flag_then_mpox"] += case.decision == Decision.FLAG.value and case.label == "mpox"
        agree["n"] += 1
        agree["decision"] += verdict.decision.value == case.decision
        agree["same_bundle"] += case.model_sha256 == bundle.sha256
    total = Counter()
    for st in stations.values():
        total.update(st)
    m = {
        "source": "case store (confirmed labels)",
        "bundle_sha256": bundle.sha256,
        "flag_threshold": flag_threshold,
        "n_cases": len(rows),
        "skipped": skipped,
        "labels": {k: sum(v.values()) for k, v in sorted(decisions.items())},
        "decisions_by_label": {k: dict(v) for k, v in sorted(decisions.items())},
        "overall": _rates(total),
        "per_station": {k: _rates(v) | {"cases": v["cases"]} for k, v in sorted(stations.items())},
        "agreement_with_screening_bundle": {
            "decision": _share(agree["decision"], agree["n"]),
            "cases_screened_by_this_bundle": agree["same_bundle"],
        },
        "note": "the store holds the cases the stations logged (FLAG, REVIEW); CLEARs are counted, not kept, "
        "so recall here is recall among logged cases",
    }
    return m


def _outcome(decision: str, reason: str) -> str:
    if decision == Decision.REVIEW.value and reason in NOT_RECOGNISED:
        return "not_recognised"
    return decision


def _share(k: int, n: int) -> dict:
    return {
        "share": k / n if n else None,
        "k": int(k),
        "n": int(n),
        "ci95": wilson_interval(k, n) if n else None,
    }


def _rates(c: Counter) -> dict:
    return {
        "mpox_recall": _share(c["flag_new_mpox"], c["mpox"]),
        "mpox_ppv": _share(c["flag_new_mpox"], c["flag_new"]),
        "mpox_recall_then": _share(c["flag_then_mpox"], c["mpox"]),
        "mpox_ppv_then": _share(c["flag_then_mpox"], c["flag_then"]),
    }


def field_report_lines(m: dict) -> list[str]:
    """The field section of report.md."""
    lines = [
        "## On the stations' confirmed cases",
        "",
        f"- bundle `{m['bundle_sha256'][:12]}`, flag threshold {m['flag_threshold']:.3f}; "
        f"{m['n_cases']} confirmed cases with a readable picture"
        + (f" (left out: {', '.join(f'{k} {v}' for k, v in m['skipped'].items())})" if m["skipped"] else ""),
        f"- {m['note']}",
        "",
        "| station | cases | mpox recall at the flag threshold (then) | mpox PPV (then) |",
        "|---|---:|---|---|",
    ]
    for name, r in [*m["per_station"].items(), ("all stations", m["overall"] | {"cases": m["n_cases"]})]:
        lines.append(
            f"| {name} | {r['cases']} | {_fmt(r['mpox_recall'])} ({_fmt(r['mpox_recall_then'])}) | "
            f"{_fmt(r['mpox_ppv'])} ({_fmt(r['mpox_ppv_then'])}) |"
        )
    kinds = ("flag", "review", "not_recognised", "clear", "retake")
    lines += ["", "| confirmed label | " + " | ".join(kinds) + " |", "|---|" + "---:|" * len(kinds)]
    for label, counts in m["decisions_by_label"].items():
        lines.append(f"| {label} | " + " | ".join(str(counts.get(k, 0)) for k in kinds) + " |")
    a = m["agreement_with_screening_bundle"]
    lines += [
        "",
        f"- same decision as the bundle that screened the case: {_fmt(a['decision'])} "
        f"({a['cases_screened_by_this_bundle']} of them were screened by this very bundle)",
        "",
    ]
    return lines


def _fmt(s: dict) -> str:
    if not s["n"]:
        return "-"
    lo, hi = s["ci95"]
    return f"{s['share']:.0%} of {s['n']} [{lo:.0%}, {hi:.0%}]"
