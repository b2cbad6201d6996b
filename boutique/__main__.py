import multiprocessing
import sys

from boutique.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # (a frozen build's calendar-export processes start here)
    sys.exit(main())
