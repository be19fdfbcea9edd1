"""The petition packet: court papers rendered from the engine's results (never decided here).

Entry point: ``petition.documents.packet.build_packet(PacketCase) -> bytes`` (a Letter PDF).

- ``model``: what a packet is made of (filer, county, case number, convictions).
- ``papers``: what goes on the court papers, in English, read off each ``Result``.
- ``instructions``: result-dependent sentences of the instructions, for the catalogue.
- ``templating``: Jinja without Flask, one environment per locale (``documents`` domain).
- ``typed_text``: what people typed, made printable with our fonts.
- ``fetcher``: the only files WeasyPrint may read (our fonts).
- ``batch``: one PDF per screened CSV row for the command line.
- ``templates/``: instructions, CR-400/401/403 and JV-744/744A/746 equivalents, CSS.
- ``fonts``: the papers' fonts, Debian's Noto by family name (none in the repository).
"""
