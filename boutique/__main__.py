import sys

from boutique.cli import main

sys.exit(main())
