"""Documents of a case: notice PDFs (文书) rendered from their content, and uploaded files (checks and downloads)."""
