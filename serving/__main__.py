"""``python -m serving``: see ``serving.supervisor`` (started by ``python3 run.py serve``)."""

import sys

from serving.supervisor import main

sys.exit(main())
