"""The cases room: reports, cases, workflow, deadlines, decisions.

Pure domain logic: no SQL, no HTTP. Storage implements :class:`netral.cases.ports.CaseStore`.
"""
