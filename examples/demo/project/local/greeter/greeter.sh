#!/bin/sh
echo "Hello from the example distro"
