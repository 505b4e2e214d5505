import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the frozen app's render worker processes start here
    from pia_wizard.launch import main

    sys.exit(main())
