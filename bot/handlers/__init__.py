"""Telegram update handlers, one module per concept; registered in bot/app.py."""
