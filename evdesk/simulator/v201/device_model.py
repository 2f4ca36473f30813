"""The simulated 2.0.1 station's device model: components, variables, attributes.

Kept as {key: Variable} with evdesk's key spelling (`core.device_model`), so tests can
compare what the station holds with what the CSMS stored.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Address:
    """Where a variable lives; `key` spells it as evdesk does (`Component@evse.conn/Variable#Attr`).
    The simulator keeps its own spelling code: it is the other side of the protocol."""

    component: str
    variable: str
    component_instance: str = ""
    variable_instance: str = ""
    evse_id: int | None = None
    connector_id: int | None = None
    attribute: str = "Actual"

    @property
    def key(self) -> str:
        comp = self.component + (f":{self.component_instance}" if self.component_instance else "")
        if self.evse_id is not None:
            comp += f"@{self.evse_id}" + (f".{self.connector_id}" if self.connector_id is not None else "")
        var = self.variable + (f":{self.variable_instance}" if self.variable_instance else "")
        return f"{comp}/{var}" + (f"#{self.attribute}" if self.attribute != "Actual" else "")

    def component_dict(self) -> dict:
        out: dict = {"name": self.component}
        if self.component_instance:
            out["instance"] = self.component_instance
        if self.evse_id is not None:
            out["evse"] = {"id": self.evse_id, **({"connectorId": self.connector_id}
                                                   if self.connector_id is not None else {})}
        return out

    def variable_dict(self) -> dict:
        return {"name": self.variable, **({"instance": self.variable_instance} if self.variable_instance else {})}


def parse_key(key: str) -> Address:
    comp, _, var = key.partition("/")
    var, _, attribute = var.partition("#")
    variable, _, variable_instance = var.partition(":")
    comp, _, where = comp.partition("@")
    evse, _, conn = where.partition(".")
    component, _, component_instance = comp.partition(":")
    return Address(component, variable, component_instance, variable_instance, int(evse) if evse else None,
                   int(conn) if conn else None, attribute or "Actual")


@dataclass
class Variable:
    value: str
    mutability: str = "ReadWrite"  # ReadOnly / WriteOnly / ReadWrite
    data_type: str = "string"


def default_device_model(evses: int, vendor: str, model: str, firmware: str) -> dict[str, Variable]:
    dm = {
        "OCPPCommCtrlr/HeartbeatInterval": Variable("300", data_type="integer"),
        "OCPPCommCtrlr/NetworkConfigurationPriority": Variable("1"),
        "SampledDataCtrlr/TxUpdatedInterval": Variable("60", data_type="integer"),
        "SampledDataCtrlr/TxUpdatedMeasurands": Variable("Energy.Active.Import.Register,Power.Active.Import",
                                                         data_type="MemberList"),
        "AuthCtrlr/AuthorizeRemoteStart": Variable("false", data_type="boolean"),
        "AuthCtrlr/LocalAuthorizeOffline": Variable("true", data_type="boolean"),
        "LocalAuthListCtrlr/Enabled": Variable("true", data_type="boolean"),
        "LocalAuthListCtrlr/ItemsPerMessage": Variable("2", "ReadOnly", "integer"),
        "TxCtrlr/EVConnectionTimeOut": Variable("60", data_type="integer"),
        "TxCtrlr/StopTxOnEVSideDisconnect": Variable("true", "ReadOnly", "boolean"),
        "SecurityCtrlr/BasicAuthPassword": Variable("", "WriteOnly"),
        "SecurityCtrlr/SecurityProfile": Variable("1", "ReadOnly", "integer"),
        "ChargingStation/Model": Variable(model, "ReadOnly"),
        "ChargingStation/VendorName": Variable(vendor, "ReadOnly"),
        "ChargingStation/AvailabilityState": Variable("Available", "ReadOnly", "OptionList"),
        "FirmwareCtrlr/FirmwareVersion": Variable(firmware, "ReadOnly"),
        "SmartChargingCtrlr/Enabled": Variable("true", data_type="boolean"),
    }
    for evse in range(1, evses + 1):
        dm[f"EVSE@{evse}/Power"] = Variable("0", "ReadOnly", "decimal")
        dm[f"EVSE@{evse}/Power#MaxSet"] = Variable("22000", "ReadOnly", "decimal")
        dm[f"EVSE@{evse}/AvailabilityState"] = Variable("Available", "ReadOnly", "OptionList")
        dm[f"Connector@{evse}.1/ConnectorType"] = Variable("cType2", "ReadOnly")
    return dm


def report_data(dm: dict[str, Variable], base: str) -> list[dict]:
    """ReportDataType entries (camelCase) of a base report: ConfigurationInventory leaves out
    read-only variables; SummaryInventory gives the availability states only."""
    items = []
    for key, var in dm.items():
        address = parse_key(key)
        if base == "ConfigurationInventory" and var.mutability == "ReadOnly":
            continue
        if base == "SummaryInventory" and address.variable != "AvailabilityState":
            continue
        attribute = {"type": address.attribute, "mutability": var.mutability}
        if var.mutability != "WriteOnly":
            attribute["value"] = var.value
        items.append({"component": address.component_dict(), "variable": address.variable_dict(),
                      "variableAttribute": [attribute],
                      "variableCharacteristics": {"dataType": var.data_type, "supportsMonitoring": False}})
    return items


def address_of(component: dict, variable: dict, attribute: str | None) -> Address:
    evse = component.get("evse") or {}
    return Address(component.get("name", ""), variable.get("name", ""), component.get("instance") or "",
                           variable.get("instance") or "", evse.get("id"), evse.get("connectorId"),
                           attribute or "Actual")
