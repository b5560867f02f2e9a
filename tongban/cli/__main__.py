"""``python -m tongban.cli``: the same as the ``tongban`` command."""

import sys

from tongban.cli import main

sys.exit(main())
