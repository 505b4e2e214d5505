"""The use cases, shared by the CLI and the GUI: one module per area, each function taking the AppContext.

    assessments  read / check a file, the archive's assessments and versions, drafts
    report       render, import from a PDF, issue a signed report (a job)
    verify       check a signed report and find it in the archive (a job)
    archive      processing records, audit log, filing tracker, archived reports, purge
    keys         signing keys and certificates
    demo         the built-in example end to end
    jobs         progress and cancellation;  errors  typed errors (zh + en)

No Qt, no printing, no SQL, no environment variables. Heavy libraries (WeasyPrint, pyHanko) are imported only when used.
"""
