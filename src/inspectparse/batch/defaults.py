"""Batch defaults, alone so the command line can show them without importing the batch."""

from ..limits import DEFAULT_MAX_BYTES as DEFAULT_MAX_BYTES  # one limit for extract and batch
from ..limits import DEFAULT_MAX_MEMORY as DEFAULT_MAX_MEMORY
from ..limits import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT

DEFAULT_MAX_TASKS_PER_CHILD = 25  # inputs a worker converts before it is replaced
