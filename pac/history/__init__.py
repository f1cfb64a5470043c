"""The portfolio over time: snapshots, flow and promises kept, read from git history."""
