"""What the runner can do, one small command object per action (as git-cola's cmds).

Each command gets its context (the session and where to ask the runner) and carries
the action out with `do()`; views only connect buttons and menus to `run(...)`.
"""
