"""What the app's actions do, step by step: save, copy and export, insert phrases and past parts.

Each flow is a function of the app, seen through ``Host``: the few things a
flow needs of it (the state, dialogs to wait on, notifications, the way out).
"""
