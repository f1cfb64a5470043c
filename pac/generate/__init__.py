"""Generated files: CODEOWNERS (`pac codeowners`), a new entity's file (`pac new`), the JSON
Schemas and the format reference (`pac schema`)."""
