"""A small L2-regularised logistic regression, fitted by Newton's method."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def fit_logistic(
    rows: npt.NDArray[np.float64],
    targets: npt.NDArray[np.float64],
    *,
    l2: float = 1e-2,
    steps: int = 50,
) -> tuple[npt.NDArray[np.float64], float]:
    """Weights and bias minimising mean log-loss + l2/2 * |w|^2.

    Targets may be soft (in [0, 1]). The bias is not penalised. Dependency-free on purpose:
    importing scikit-learn when a knowledge base loads would cost more than the fit.
    """
    n, d = rows.shape
    x = np.hstack([rows, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = sigmoid(x @ w)
        gradient = x.T @ (p - targets) / n + penalty * w
        hessian = (x.T * (p * (1 - p))) @ x / n + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    return w[:-1].copy(), float(w[-1])


def sigmoid(z: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """1 / (1 + e^-z), clipped so that large |z| neither overflows nor warns."""
    out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-np.clip(z, -60.0, 60.0)))
    return out
