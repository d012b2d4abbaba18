"""Run the estimators with one BLAS thread.

The suite multiplies many small matrices (hundreds of rows, tens of columns). Multi-threaded
OpenBLAS is slower there than one thread, and on a busy 2-core machine it can be a hundred
times slower (threads waiting for each other). Parallelism belongs one level up (papermill
workers), which is why notebooks and batch runs pin BLAS to one thread too.
"""
from __future__ import annotations

import contextlib
import functools


@contextlib.contextmanager
def one_blas_thread():
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # without threadpoolctl the results are the same, only slower
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield


def single_threaded(function):
    """Decorator: run ``function`` inside :func:`one_blas_thread`."""
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with one_blas_thread():
            return function(*args, **kwargs)
    return wrapper
