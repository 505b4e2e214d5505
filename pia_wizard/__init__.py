"""pia-wizard: PIPIA for facial-recognition deployments under the PRC Measures and the PIPL."""

__version__ = "0.1.0"
