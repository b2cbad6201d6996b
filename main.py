"""Boutique: python main.py [--db PATH] [--demo]"""

import sys

from boutique.app import main

if __name__ == "__main__":
    sys.exit(main())
