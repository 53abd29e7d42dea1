"""`python -m inspectparse.accuracy`: the harness's command line (`report.main`)."""

import sys

from .report import main

sys.exit(main())
