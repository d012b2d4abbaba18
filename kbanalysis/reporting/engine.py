"""The report batch's papermill engine: a template's cells run in the worker's own IPython shell.

A report page is a papermill-parameterised notebook, executed, then exported to HTML. A
Jupyter kernel in a second process spent about a fifth of each page's time on its messages
and nbclient another twentieth; the cells themselves only compute and display HTML. This
engine runs them in the process that exports them, with IPython's own machinery, and fills
the notebook with the outputs a kernel would have sent:

- ``execute_result`` through the shell's display hook (the same display formatter as
  ipykernel's), numbered with the shell's execution count;
- ``display_data`` through the shell's display publisher (packed as kernel messages are: images base64);
- ``stdout`` / ``stderr`` streams, captured per cell.

Between notebooks :meth:`NotebookShell.reset` runs IPython's reset (variables, output history,
execution count), as the kernel batch did: a page made after another is the page a fresh
shell makes (``tests/e2e/test_batch_runner.py``), and a page's outputs are the outputs a
kernel gives (``tests/e2e/test_engine.py``). ``InProcessEngine`` is registered in papermill's
engine registry as ``kbanalysis-inprocess`` when this module is imported, so
``papermill.execute_notebook(..., engine_name="kbanalysis-inprocess")`` runs a template the
same way.
"""
from __future__ import annotations

import signal

from papermill.engines import Engine, papermill_engines

ENGINE_NAME = "kbanalysis-inprocess"


class CellError(RuntimeError):
    """A report cell raised; the message is ``Name: value`` of the exception (one line)."""


class CellTimeout(Exception):
    """A cell ran longer than the batch allows."""


class NotebookShell:
    """One IPython shell for every notebook a process runs; made on first use."""

    _shell = None
    _sink: list = []

    @classmethod
    def shell(cls):
        if cls._shell is None:
            import sys

            main = sys.modules.get("__main__")
            cls._shell = _capturing_shell(cls._sink)
            # IPython makes its namespace the process's __main__; the process keeps its own
            # (multiprocessing's spawn reads it) and lends it only while a notebook runs.
            if main is not None:
                sys.modules["__main__"] = main
        return cls._shell

    @classmethod
    def reset(cls) -> None:
        """Every variable, the output history and the execution count, as in a new kernel.
        The reset's gc.collect() is skipped: a tenth of a second per page for garbage that
        reference counting frees anyway."""
        import gc
        import sys

        pyplot = sys.modules.get("matplotlib.pyplot")
        if pyplot is not None:
            pyplot.close("all")
        collect, gc.collect = gc.collect, (lambda *args, **kwargs: 0)
        try:
            cls.shell().reset(new_session=True, aggressive=False)
        finally:
            gc.collect = collect

    @classmethod
    def run(cls, source: str, timeout: int | None = None) -> list:
        """The outputs of one cell (nbformat output nodes); raises :class:`CellError`."""
        from IPython.utils.capture import capture_output
        from nbformat.v4 import new_output

        shell, sink = cls.shell(), cls._sink
        sink.clear()
        with capture_output(display=False) as captured, _time_limit(timeout):
            result = shell.run_cell(source, store_history=True)
        outputs = list(sink)
        if captured.stdout:
            outputs.insert(0, new_output("stream", name="stdout", text=captured.stdout))
        if captured.stderr:
            outputs.append(new_output("stream", name="stderr", text=captured.stderr))
        error = result.error_before_exec or result.error_in_exec
        if error is not None:
            raise CellError(f"{type(error).__name__}: {error}")
        return outputs


class InProcessEngine(Engine):
    """papermill's engine interface over :class:`NotebookShell`."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, execution_timeout=None, **kwargs):
        import sys

        NotebookShell.reset()  # every notebook starts as in a new kernel
        shell = NotebookShell.shell()
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = shell.user_module  # as in a kernel, while the cells run
        try:
            cls._run_cells(nb_man, shell, execution_timeout)
        finally:
            if main is not None:
                sys.modules["__main__"] = main

    @classmethod
    def _run_cells(cls, nb_man, shell, execution_timeout) -> None:
        for index, cell in enumerate(nb_man.nb.cells):
            if cell.cell_type != "code":
                continue
            nb_man.cell_start(cell, index)
            try:
                cell.outputs = NotebookShell.run(cell.source, execution_timeout)
            except CellError:
                nb_man.cell_exception(cell, index)
                raise
            finally:
                cell.execution_count = shell.execution_count - 1
            for output in cell.outputs:
                if output.output_type == "execute_result":
                    output.execution_count = cell.execution_count
            nb_man.cell_complete(cell, index)


papermill_engines.register(ENGINE_NAME, InProcessEngine)


def execute(notebook, timeout: int | None = None):
    """``notebook`` (parameterised) executed in this process's shell, from a clean namespace."""
    return InProcessEngine.execute_notebook(notebook, "python3", progress_bar=False,
                                            execution_timeout=timeout)


def _capturing_shell(sink: list):
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from jupyter_client.session import json_packer, json_unpacker
    from nbformat import from_dict

    def output(kind: str, data: dict, metadata: dict | None, **fields):
        # Through the kernel messages' own JSON packing: images base64, tuples as lists. Built
        # as nbformat's new_output builds it, without its schema check of every output (a
        # seventh of a regency page): IPython's formatters made these mime bundles, and
        # tests/e2e/test_engine.py validates whole executed notebooks.
        return from_dict({"output_type": kind, "metadata": json_unpacker(json_packer(metadata or {})),
                          "data": json_unpacker(json_packer(data)), **fields})

    class Publisher(DisplayPublisher):
        def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
            sink.append(output("display_data", data, metadata))

        def clear_output(self, wait=False):
            sink.clear()

    class Hook(DisplayHook):
        def write_output_prompt(self):
            pass

        def write_format_data(self, format_dict, md_dict=None):
            sink.append(output("execute_result", format_dict, md_dict,
                               execution_count=self.shell.execution_count))

        def finish_displayhook(self):
            pass

        def log_output(self, format_dict):
            pass

    from traitlets.config import Config

    # The batch's thousands of cells do not belong in a person's history file.
    config = Config()
    config.HistoryManager.hist_file = ":memory:"
    shell = InteractiveShell.instance(config=config)
    shell.display_pub = Publisher(shell=shell)
    shell.displayhook = Hook(shell=shell)
    shell.display_trap.hook = shell.displayhook  # run_cell installs display_trap's hook
    return shell


class _time_limit:
    """Raise :class:`CellTimeout` in this (main) thread after ``seconds``; no limit off it."""

    def __init__(self, seconds: int | None):
        self.seconds = seconds

    def __enter__(self):
        import threading

        self.armed = bool(self.seconds) and threading.current_thread() is threading.main_thread()
        if self.armed:
            self.previous = signal.signal(signal.SIGALRM, self._expired)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def _expired(self, signum, frame):
        raise CellTimeout(f"cell ran longer than {self.seconds} s")

    def __exit__(self, *exc):
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False
