"""A readable text report of an :class:`~eventwire.evaluate.common.EvalResult`."""

from __future__ import annotations

from eventwire.evaluate.common import EvalResult

__all__ = ["render"]


def _header(result: EvalResult) -> list[str]:
    m = result.metrics
    mode = f" (spans: {result.meta['spans']})" if "spans" in result.meta else ""
    lines = [f"{result.format}{mode}: n={m.n}  accuracy={m.accuracy:.3f}  macro-F1={m.macro_f1:.3f}"]
    lines += [f"  {k} = {v:.3f}" for k, v in result.scores.items()]
    counts = "  ".join(f"{k}={v}" for k, v in result.counts.items())
    lines.append(f"  counts: {counts}   ({result.seconds:.1f}s)")
    return lines


def _per_label(result: EvalResult) -> list[str]:
    lines = ["", f"  {'label':<12} {'prec':>6} {'rec':>6} {'F1':>6} {'gold':>5}"]
    for label, s in sorted(result.metrics.per_label.items(), key=lambda kv: -kv[1].support):
        lines.append(f"  {label:<12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.support:5d}")
    return lines


def _confusion(result: EvalResult) -> list[str]:
    conf = result.metrics.confusion
    if not conf:
        return []
    cols = sorted({p for row in conf.values() for p in row})
    width = min(6, max(4, *(len(c) for c in cols)))
    head = " " * 14 + " ".join(f"{c[:width]:>{width}}" for c in cols)
    lines = ["", "  confusion (rows gold, columns predicted):", head]
    for gold, row in conf.items():
        cells = " ".join(f"{row.get(c, 0) or '.':>{width}}" for c in cols)
        lines.append(f"  {gold[:12]:<12}{cells}")
    return lines


def render(result: EvalResult) -> str:
    """Accuracy, macro-F1, extra scores, counts, the per-label table and the confusion matrix."""
    lines = _header(result) + _per_label(result) + _confusion(result)
    if result.spans:
        lines += ["", "  exact spans:"]
        lines += [
            f"    {k:<4} F1={v.f1:.3f} (tp {v.tp}, pred {v.n_pred}, gold {v.n_gold})"
            for k, v in result.spans.items()
        ]
    return "\n".join(lines)
