"""`wgctl site`: the records as a static website for one audience, built from the audience view.

Every page's data comes from the audience filter (`wgctl.confidentiality.audience`) and the same core functions
as the reports and the roster; this package only arranges that data into pages.
"""
