"""Route modules, one per concept; each is a thin layer over :class:`chainkg.service.ChainKG` (the ``KG`` dependency)."""
