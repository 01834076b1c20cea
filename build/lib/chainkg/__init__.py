"""ChainKG — 台州产业链知识图谱.

The package ties the layers together: settings (read at the edge), the error root, the service
functions used by the CLI, the API and the UI, and the CLI itself.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
