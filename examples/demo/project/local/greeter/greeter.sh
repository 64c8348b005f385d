#!/bin/sh
# Shows the example distro's welcome banner at login.
[ -r /usr/share/greeter/banner.txt ] && cat /usr/share/greeter/banner.txt
