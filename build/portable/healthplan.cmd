@echo off
rem The healthplan command line (healthplan.cmd --help), with the Node inside this folder.
setlocal
"%~dp0node\node.exe" "%~dp0app\bin\healthplan.mjs" %*
exit /b %errorlevel%
