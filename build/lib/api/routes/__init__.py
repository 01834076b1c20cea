"""Route modules, one per concept; each is a thin layer over :mod:`chainkg.service`."""
