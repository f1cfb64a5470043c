"""Importing: rows of a spreadsheet (or another tool's catalogue) become portfolio files.

The stage has two halves. A *reader* turns its source into `Imported` entities (and the
findings that are not about one entity, such as a bad mapping file); `table.py` and
`mapping.py` are the reader of CSV and XLSX files, and a Backstage reader plugs in the
same way. The shared half takes over from there, whatever the source:

    from pac.importing.entities import Imported, Where, import_finding
    from pac.importing.plan import plan_import, planned_change
    from pac.importing.write import write_plan

    items: list[Imported] = ...    # kind, id, fields (nested, as the file holds them),
                                   # origin and field_origins (Where), problems (Finding)
    plan = plan_import(items, known=portfolio_model, portfolio=folder, schemas=schemas,
                       update=False, findings=reader_findings, unread=rows_without_entity)
    # plan.planned: Planned(item, path, action "new" | "update" | "unchanged", text, before)
    # plan.findings: every finding, sorted; an entity with one is not in plan.planned
    written = write_plan(plan, portfolio=folder, root=repository)   # not on --dry-run

Every kind can be imported, funding periods too (`period` is their id, `Imported.data()`
gives the file's fields); portfolio.yaml (kind `portfolio`) is written only into a folder
that has none, and never changed. `plan_import` reports duplicate ids, fields that break
the format, references to entities in neither the portfolio nor the import, and files that
exist (`update` changes only the fields an entity carries, through roundtrip_yaml.py,
keeping comments and the rest).
`planned_change` gives a planned file as a semantic diff (pac.changes), for --dry-run.
`run.py` ties it together for every import command: `import_into(folder, Reading(items,
findings, unread), source=..., today=..., update=..., dry_run=...)` plans, writes and
validates; `pac.render.importing.IMPORT_FORMATS` words the `Outcome`; and
`pac.cli.importing.shared_options` and `finish` give a new subcommand the same options,
report and exit status.
"""
