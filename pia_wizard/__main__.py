import sys

from pia_wizard.cli import main

sys.exit(main())
