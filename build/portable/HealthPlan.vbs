' HealthPlan {{VERSION}}: starts the program without a console window.
' Double-click this file. The program opens in a browser window; close it (or File > Quit) to stop.
Option Explicit
Dim fso, shell, here
Set fso = CreateObject("Scripting.FileSystemObject")
Set shell = CreateObject("WScript.Shell")
here = fso.GetParentFolderName(WScript.ScriptFullName)
shell.CurrentDirectory = here
shell.Run """" & here & "\node\node.exe"" """ & here & "\app\out\launch.mjs""", 0, False
