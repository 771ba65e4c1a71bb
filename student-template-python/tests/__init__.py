"""Your unit tests: `python3 -m unittest` from this folder runs every tests/test_*.py."""
