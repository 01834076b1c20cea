"""The error root, re-exported for the top layers (defined at the bottom, in :mod:`ontology.errors`,
so the lower layers never import upwards).

>>> from ontology.errors import InputError as Low
>>> InputError is Low
True
"""

from ontology.errors import *  # noqa: F401,F403
from ontology.errors import __all__  # noqa: F401
