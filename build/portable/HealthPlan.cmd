@echo off
rem HealthPlan {{VERSION}} with a console window that shows the log (HealthPlan.vbs starts it without one).
"%~dp0node\node.exe" "%~dp0app\out\launch.mjs" %*
if errorlevel 1 pause
