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
from training.dataset_manifest import Record
from training.evaluation import EvalData
from training.metrics import share_with_interval

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
    from kiosk.store.field import confirmed_cases, pictures

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
        skipped: Counter = Counter()
        rows = []
        for case, rgb in pictures(db, cases, skipped):
            s = screen_image(predictor, rgb, thresholds)
            probs = None if s.prediction is None else np.asarray(s.prediction.probabilities, np.float64)
            rows.append((case, s.verdict, probs))
        metrics = field_metrics(rows, thresholds.flag, bundle, dict(skipped))
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
            "decision": share_with_interval(agree["decision"], agree["n"]),
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


def _rates(c: Counter) -> dict:
    return {
        "mpox_recall": share_with_interval(c["flag_new_mpox"], c["mpox"]),
        "mpox_ppv": share_with_interval(c["flag_new_mpox"], c["flag_new"]),
        "mpox_recall_then": share_with_interval(c["flag_then_mpox"], c["mpox"]),
        "mpox_ppv_then": share_with_interval(c["flag_then_mpox"], c["flag_then"]),
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


def rollout(args: argparse.Namespace) -> int:
    """``mpox-train rollout --store URL --candidate BUNDLE``: the shadow period's verdicts of the candidate
    against the live bundle's, on the same frames; refused (exit 1, with the figures) when the candidate is
    worse on the confirmed cases (mpox recall or PPV of FLAG) or when there is no confirmed case to judge by.
    ``--install DIR``: when allowed, the candidate is installed there (atomically)."""
    from kiosk.store import audit
    from kiosk.store.field import shadow_pairs

    candidate = load_bundle(args.candidate)
    db, user = open_as_admin(args, args.store)
    try:
        pairs = shadow_pairs(db, user, candidate.sha256)
        figures = compare_shadow(pairs)
        allowed, why = rollout_verdict(figures)
        audit.record(
            db,
            user.username,
            "rollout_allowed" if allowed else "rollout_refused",
            candidate.sha256,
            {"why": why, "confirmed": figures["confirmed"]["n"], "frames": figures["frames"]},
        )
    finally:
        db.close()
    print("\n".join(shadow_lines(figures, candidate.sha256)))
    if not allowed:
        print(f"roll-out refused: {why}", file=sys.stderr)
        return 1
    print(f"roll-out allowed: {why}")
    if args.install:
        from training.recipe import install_bundle

        install_bundle(Path(args.candidate), Path(args.install))
        print(
            f"installed {args.candidate} in {args.install}: pin or sign it for the stations (mpox-train pin)"
        )
    return 0


def compare_shadow(pairs) -> dict:
    """Agreement of the two bundles on the shadow period's frames, and each one's mpox recall and PPV of FLAG
    on the frames whose case has a confirmed label."""
    flag = Decision.FLAG.value
    crosstab = Counter((p.live_decision, p.shadow_decision) for p in pairs)
    confirmed = [p for p in pairs if p.confirmed_label is not None]
    mpox = [p.confirmed_label == "mpox" for p in confirmed]

    def scores(decisions: list[str]) -> dict:
        flagged = [d == flag for d in decisions]
        both = sum(f and m for f, m in zip(flagged, mpox, strict=True))
        return {
            "recall": share_with_interval(both, sum(mpox)),
            "ppv": share_with_interval(both, sum(flagged)),
        }

    return {
        "frames": len(pairs),
        "stations": sorted({p.station_id for p in pairs}),
        "live_bundles": sorted({p.live_bundle_sha256[:12] for p in pairs}),
        "since": min(p.captured_utc for p in pairs).isoformat(),
        "until": max(p.captured_utc for p in pairs).isoformat(),
        "agreement": share_with_interval(sum(n for (a, b), n in crosstab.items() if a == b), len(pairs)),
        "crosstab": {f"{a} -> {b}": n for (a, b), n in sorted(crosstab.items())},
        "flag_rate": {
            "live": share_with_interval(sum(p.live_decision == flag for p in pairs), len(pairs)),
            "shadow": share_with_interval(sum(p.shadow_decision == flag for p in pairs), len(pairs)),
        },
        "confirmed": {
            "n": len(confirmed),
            "mpox": sum(mpox),
            "live": scores([p.live_decision for p in confirmed]),
            "shadow": scores([p.shadow_decision for p in confirmed]),
        },
    }


def rollout_verdict(figures: dict) -> tuple[bool, str]:
    """(allowed, why): the candidate may not lose mpox recall or PPV on the confirmed cases."""
    c = figures["confirmed"]
    if not c["n"] or not c["mpox"]:
        return False, (
            f"{c['n']} confirmed cases in the shadow period, {c['mpox']} of them mpox: nothing to judge the "
            "candidate by; let reviewers record what the cases turned out to be, then ask again"
        )
    worse = []
    for key, name in (("recall", "mpox recall"), ("ppv", "PPV of FLAG")):
        live, shadow = c["live"][key]["share"], c["shadow"][key]["share"]
        if live is not None and (shadow is None or shadow < live):
            worse.append(f"{name} {_pct(shadow)} against the live bundle's {_pct(live)}")
    if worse:
        return False, f"worse on {c['n']} confirmed cases: " + "; ".join(worse)
    return True, (
        f"on {c['n']} confirmed cases mpox recall {_pct(c['shadow']['recall']['share'])} (live "
        f"{_pct(c['live']['recall']['share'])}), PPV {_pct(c['shadow']['ppv']['share'])} (live "
        f"{_pct(c['live']['ppv']['share'])})"
    )


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def shadow_lines(f: dict, sha: str) -> list[str]:
    c = f["confirmed"]
    return [
        f"shadow bundle {sha[:12]} beside {', '.join(f['live_bundles'])} at {', '.join(f['stations'])}, "
        f"{f['since'][:16]} to {f['until'][:16]} UTC: {f['frames']} frames",
        f"same decision: {_fmt(f['agreement'])}; FLAG live {_fmt(f['flag_rate']['live'])}, shadow "
        f"{_fmt(f['flag_rate']['shadow'])}",
        "decisions (live -> shadow): " + ", ".join(f"{k} {v}" for k, v in f["crosstab"].items()),
        f"confirmed cases: {c['n']} ({c['mpox']} mpox); mpox recall live {_fmt(c['live']['recall'])}, "
        f"shadow {_fmt(c['shadow']['recall'])}; PPV live {_fmt(c['live']['ppv'])}, "
        f"shadow {_fmt(c['shadow']['ppv'])}",
    ]
