"""`python benchmarks/corpus N OUT`: write N generated documents under OUT."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import main

main()
