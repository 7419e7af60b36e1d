"""Text stages: decode the page, repair its layout, find articles, split sentences, spoken form.

Everything here is pure: no subprocess, network, click or file writes.
"""
