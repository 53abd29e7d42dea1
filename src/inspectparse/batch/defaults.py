"""Batch defaults, alone so the command line can show them without importing the batch."""

DEFAULT_TIMEOUT = 300.0  # seconds per input
DEFAULT_MAX_TASKS_PER_CHILD = 25  # inputs a worker converts before it is replaced
DEFAULT_MAX_BYTES = 256 * 1024 * 1024  # the largest input read (too_large above it)
