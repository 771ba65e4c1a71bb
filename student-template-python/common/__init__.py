"""What every program of the template shares: its command line, exit codes and log (common/cli.py, common/logs.py)."""
