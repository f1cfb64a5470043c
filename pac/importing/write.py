"""The shared half of every import, step two: write the plan's files into the portfolio
folder, each whole or not at all, in the plan's order. A new file is linked to its name,
which fails rather than replace a file that appeared since the plan was made; an update is
renamed over the file. No file is written through a link or outside the folders of the
portfolio (pac/output.py holds the policy), and the ids the plan holds are valid ids (or
periods), so no name can leave its folder; portfolio.yaml goes into the portfolio folder.
"""

from __future__ import annotations

from pathlib import Path

from pac.importing.plan import NEW, UPDATE, Plan
from pac.output import check_folder, write_file

FIX = "an import writes into the portfolio's folders: make them folders you can write to"


def write_plan(plan: Plan, *, portfolio: Path, root: Path) -> list[Path]:
    """Write the new and updated files; returns their paths, in the plan's order."""
    folders: dict[str, Path] = {}
    written = []
    for p in plan.planned:
        if p.action not in (NEW, UPDATE):
            continue
        folder_name, _, name = p.path.rpartition("/")  # portfolio.yaml: no folder
        if folder_name not in folders:
            folders[folder_name] = check_folder(
                portfolio / folder_name, create=True, fix=FIX, root=root
            )
        write_file(folders[folder_name] / name, p.text, fix=FIX, exclusive=p.action == NEW)
        written.append(portfolio / p.path)
    return written
