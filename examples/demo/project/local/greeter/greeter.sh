# Sourced by login shells from /etc/profile.d: shows the example distro's welcome banner.
[ -r /usr/share/greeter/banner.txt ] && cat /usr/share/greeter/banner.txt
