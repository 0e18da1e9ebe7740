"""The shared output layer: every file vollzug writes goes through here.

* :mod:`vollzug.output.guard` — the inputs of the running command (by device + inode) and the refusal of a target
  that is one of them or not a regular file;
* :mod:`vollzug.fileio` — atomic writes of one file (temp file beside the target + ``os.replace``), guarded;
* :mod:`vollzug.output.tree` — atomic replacement of a whole folder of outputs (the report set);
* :mod:`vollzug.output.csvsafe` — spreadsheet-formula neutralisation of CSV cells.
"""
